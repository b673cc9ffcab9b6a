using Alpha.Registry;

namespace Alpha.Cli;

/// <summary>
/// The CLI's exit codes (docs/getting-started.md): 0 success, 1 an error in the data, a policy file or the file
/// system, 2 a usage error (an unknown command or option, a bad option value, or no command at all), 3 a model
/// version or a registry log that does not verify, 4 a lifecycle move the registry refuses, 130 cancelled (Ctrl+C).
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0, Error = 1, Usage = 2, VerificationFailed = 3, IllegalTransition = 4, Refused = 5, Cancelled = 130;

    public static int Of(Exception e) => e switch
    {
        OperationCanceledException => Cancelled,
        ModelVerificationException or RegistryLogException => VerificationFailed,
        IllegalTransitionException => IllegalTransition,
        Alpha.Operations.OperationRefusedException => Refused,
        _ => Error,
    };

    public static string Describe(Exception e, bool verbose) => e switch
    {
        OperationCanceledException => "cancelled.",
        _ when verbose => e.ToString(),
        _ => e.Message,
    };
}
