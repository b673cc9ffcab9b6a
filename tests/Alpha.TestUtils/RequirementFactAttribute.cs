using Xunit;

namespace Alpha.TestUtils;

/// <summary>
/// A fact that needs something outside the test process. xunit 2 has no runtime skip, so the requirement is
/// checked at discovery: on a developer's machine without it the test is skipped with <see cref="Reason"/>; with
/// <c>CI=true</c> it always runs, and fails on the missing requirement.
/// </summary>
public abstract class RequirementFactAttribute : FactAttribute
{
    /// <summary>Checks the requirement and sets <see cref="FactAttribute.Skip"/> when it is missing outside CI.</summary>
    protected RequirementFactAttribute(Func<bool> isAvailable, string reason)
    {
        ArgumentNullException.ThrowIfNull(isAvailable);
        Reason = reason;
        if (!TestEnvironment.IsCi && !isAvailable())
        {
            Skip = reason + " (skipped outside CI; with CI=true this test fails instead)";
        }
    }

    /// <summary>What is missing when the test is skipped.</summary>
    public string Reason { get; }
}
