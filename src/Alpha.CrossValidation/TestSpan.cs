namespace Alpha.CrossValidation;

/// <summary>
/// The bars a test block's labels look at: [<see cref="Start"/>, <see cref="End"/>] = [smallest t0, largest t1]
/// of its samples, inclusive.
/// </summary>
/// <param name="Start">First bar (the smallest t0 of the block).</param>
/// <param name="End">Last bar (the largest t1 of the block).</param>
public readonly record struct TestSpan(int Start, int End);
