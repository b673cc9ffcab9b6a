using Alpha.Boosting.Training;

namespace Alpha.Boosting.LightGbm.Tests;

public sealed class LightGbmNativeModelTests
{
    [Fact]
    public void SingleRowFast_EqualsTheBatchCallAndTheManagedEvaluator()
    {
        (float[] x, float[] y, _, _) = Synthetic.Make(2_000, 21);
        BoosterTrainingResult result = new LightGbmTrainer().Train(Synthetic.Dataset(x, y), null, new LightGbmParameters { Threads = 1 }, new BoosterTrainingOptions { MaxRounds = 40, EarlyStoppingRounds = null });
        string text = System.Text.Encoding.UTF8.GetString(result.Model.AsSpan());
        using LightGbmNativeModel native = LightGbmNativeModel.Load(text, Synthetic.Columns);
        BoostedTreeModel managed = result.LoadModel();
        double[] rows = Synthetic.VariedRows(500, 9);
        double[] batch = native.Predict(rows, raw: true);

        var margin = new double[1];
        for (int r = 0; r < 500; r++)
        {
            ReadOnlySpan<double> row = rows.AsSpan(r * Synthetic.Columns, Synthetic.Columns);
            native.PredictRawSingleRow(row, margin);
            Assert.Equal(batch[r], margin[0]);
            Numeric.AssertClose(batch[r], managed.PredictRaw(row), rel: 1e-12, abs: 1e-12);
        }
    }

    [Fact]
    public void Load_Garbage_IsATypedError() =>
        Assert.Equal("LGBM_BoosterLoadModelFromString", Assert.Throws<LightGbmException>(() => LightGbmNativeModel.Load("tree\nnot a model\n", 3)).Call);
}
