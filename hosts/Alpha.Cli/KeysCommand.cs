using System.CommandLine;
using Alpha.Registry;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary><c>alpha keys new --out keys/ [--name training]</c>: a new ECDSA P-256 signing key pair for model versions.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write <name>.pem (private, mode 600) and <name>.public.pem into.", Required = true };
        var name = new Option<string>("--name") { Description = "The files' base name.", DefaultValueFactory = _ => "training" };
        var create = new Command("new", "Create a signing key: the private PEM signs versions ('alpha train --signing-key'); hosts trust the public PEM (--trusted-keys).") { output, name };
        create.SetAction((parse, _) =>
        {
            string folder = parse.GetRequiredValue(output).FullName, baseName = parse.GetRequiredValue(name);
            if (baseName.Length == 0 || baseName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || baseName.StartsWith('.'))
            {
                throw new ArgumentException($"--name '{baseName}' is not a plain file name.");
            }

            Directory.CreateDirectory(folder);
            string privatePath = Path.Combine(folder, baseName + ".pem"), publicPath = Path.Combine(folder, baseName + ".public.pem");
            ModelSigningKey key = ModelSigningKey.Create();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(privatePath, options))      // CreateNew: an existing key is never overwritten
            {
                writer.Write(key.ExportPrivateKeyPem());
            }

            File.WriteAllText(publicPath, key.ExportPublicKeyPem());
            AnsiConsole.MarkupLineInterpolated($"key {key.KeyId}: private {privatePath} (keep it secret; training signs with it), public {publicPath} (give it to the hosts)");
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("keys", "Signing keys for model versions.") { create };
    }
}
