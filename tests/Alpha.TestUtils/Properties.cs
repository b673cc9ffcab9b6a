using FsCheck;

namespace Alpha.TestUtils;

/// <summary>FsCheck set-up shared by the property tests (FsCheck.Xunit is not on the feed).</summary>
public static class Properties
{
    /// <summary>Runs <paramref name="property"/> for <paramref name="maxTest"/> cases and throws with the shrunk counter-example on failure.</summary>
    public static void Check(Property property, int maxTest = 200)
    {
        ArgumentNullException.ThrowIfNull(property);
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest), property);
    }
}
