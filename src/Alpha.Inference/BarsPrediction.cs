using System.Collections.Immutable;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// What a trading model makes of a stretch of bars, run through a fresh engine exactly as the worker would: the scores
/// of the last bar it scored, and the signals it would give at the last final bar.
/// </summary>
/// <param name="ModelId">The catalogue model id.</param>
/// <param name="ModelVersion">The version that predicted.</param>
/// <param name="Watermark">The last final bar (UTC); <see cref="DateTime.MinValue"/> when no bar was final.</param>
/// <param name="IsWarm">Whether every feature was ready at the watermark (nothing is scored before).</param>
/// <param name="Last">The last bar scored (inputs, calibrated probabilities, whether an entry was decided), or null when none was (not warm, or no candidate).</param>
/// <param name="Signals">The signals of the last final bar (an entry or exit decided there).</param>
/// <param name="SignalsInWindow">Every signal the bars gave, in order (entries and exits a worker would have emitted over them).</param>
public sealed record BarsPrediction(string ModelId, string ModelVersion, DateTime Watermark, bool IsWarm, LiveScore? Last, ImmutableArray<Signal> Signals, int SignalsInWindow);
