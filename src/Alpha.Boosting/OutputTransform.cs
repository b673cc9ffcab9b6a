namespace Alpha.Boosting;

/// <summary>How raw margins become the model's output.</summary>
public enum OutputTransform
{
    /// <summary>The margin itself (regression, ranking, raw logits).</summary>
    Identity,

    /// <summary>1 / (1 + exp(−scale · margin)) per output (binary, cross-entropy, one-vs-all).</summary>
    Sigmoid,

    /// <summary>Softmax across the class margins.</summary>
    Softmax,

    /// <summary>The index of the largest class margin (XGBoost's multi:softmax).</summary>
    ArgMax,

    /// <summary>exp(margin) (Poisson, gamma, Tweedie).</summary>
    Exp,

    /// <summary>log(1 + exp(margin)) (LightGBM's cross_entropy_lambda).</summary>
    Softplus,

    /// <summary>sign(margin) · margin² (LightGBM regression trained with reg_sqrt).</summary>
    SignedSquare,
}
