using System.Runtime.InteropServices;
using System.Collections.Immutable;

namespace Alpha.CrossValidation;

/// <summary>
/// One train/test split: sample indices (into the <see cref="LabelEvents"/> that were split), each array sorted
/// ascending and distinct, the two disjoint.
/// </summary>
public sealed class Fold
{
    internal Fold(int index, int[] train, int[] test, TestSpan[] testSpans)
    {
        Index = index;
        Train = ImmutableCollectionsMarshal.AsImmutableArray(train);
        Test = ImmutableCollectionsMarshal.AsImmutableArray(test);
        TestSpans = ImmutableCollectionsMarshal.AsImmutableArray(testSpans);
    }

    /// <summary>0-based position of the fold in its split.</summary>
    public int Index { get; }

    /// <summary>Training sample indices, ascending.</summary>
    public ImmutableArray<int> Train { get; }

    /// <summary>Test sample indices, ascending.</summary>
    public ImmutableArray<int> Test { get; }

    /// <summary>
    /// The test spans the training set was purged against (one per contiguous test block, before widening by the
    /// purge); empty for splitters without purging.
    /// </summary>
    public ImmutableArray<TestSpan> TestSpans { get; }
}
