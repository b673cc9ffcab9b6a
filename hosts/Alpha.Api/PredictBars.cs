namespace Alpha.Api;

/// <summary>Both legs' bars for a prediction: <see cref="A"/> for the model's leg A, <see cref="B"/> for leg B.</summary>
internal sealed record PredictBars(IReadOnlyList<BarInput> A, IReadOnlyList<BarInput> B);
