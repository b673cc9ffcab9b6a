using System.CommandLine;

namespace Alpha.Cli;

/// <summary><c>alpha inspect models/&lt;version&gt;</c>: verify the checksums and print the summary.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("version") { Description = "A model version folder." };
        var command = new Command("inspect", "Verify a model version's checksums and print its summary.") { folder };
        command.SetAction((parse, _) =>
        {
            DirectoryInfo dir = parse.GetRequiredValue(folder);
            if (!dir.Exists)
            {
                throw new DirectoryNotFoundException($"Model folder '{dir.FullName}' does not exist.");
            }

            return Task.FromResult(ModelSummary.Show(dir.FullName) ? ExitCodes.Success : ExitCodes.VerificationFailed);
        });
        return command;
    }
}
