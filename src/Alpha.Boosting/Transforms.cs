namespace Alpha.Boosting;

/// <summary>Output transforms in double precision (LightGBM's arithmetic).</summary>
internal static class Transforms
{
    public static void Apply(OutputTransform transform, Span<double> margins, double sigmoidScale)
    {
        switch (transform)
        {
            case OutputTransform.Sigmoid:
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = 1.0 / (1.0 + Math.Exp(-sigmoidScale * margins[c]));
                }

                break;
            case OutputTransform.Softmax:
                double max = double.NegativeInfinity;
                foreach (double m in margins)
                {
                    max = Math.Max(max, m);
                }

                double sum = 0;
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = Math.Exp(margins[c] - max);
                    sum += margins[c];
                }

                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] /= sum;
                }

                break;
            case OutputTransform.Exp:
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = Math.Exp(margins[c]);
                }

                break;
            case OutputTransform.Softplus:
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = Math.Log(1.0 + Math.Exp(margins[c]));
                }

                break;
            case OutputTransform.SignedSquare:
                for (int c = 0; c < margins.Length; c++)
                {
                    margins[c] = Math.Sign(margins[c]) * margins[c] * margins[c];
                }

                break;
            case OutputTransform.ArgMax:
                int best = 0;
                for (int c = 1; c < margins.Length; c++)
                {
                    best = margins[c] > margins[best] ? c : best;
                }

                margins.Clear();
                margins[0] = best;
                break;
            default:
                break;
        }
    }
}
