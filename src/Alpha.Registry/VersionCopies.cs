using System.Globalization;

namespace Alpha.Registry;

/// <summary>Copies of version folders between the models folder and the backup root, each staged and renamed into place.</summary>
internal static class VersionCopies
{
    public const string QuarantineFolder = ".quarantine";

    /// <summary>Copies <paramref name="source"/> to <c>{root}/{version}</c> through a staging folder, verified before it is renamed into place.</summary>
    public static ModelVerification Copy(string source, string root, ModelTrust trust)
    {
        string version = Path.GetFileName(source);
        string staging = Path.Combine(root, ModelStore.StagingPrefix + "copy-" + version);
        Directory.CreateDirectory(root);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        try
        {
            foreach (string file in Directory.EnumerateFiles(source))
            {
                using FileStream from = File.OpenRead(file);
                using var to = new FileStream(Path.Combine(staging, Path.GetFileName(file)), FileMode.CreateNew, FileAccess.Write);
                from.CopyTo(to);
                to.Flush(flushToDisk: true);
            }

            ModelVerification check = ModelStore.Verify(staging, trust) with { Version = version };
            if (!check.Problems.IsEmpty)
            {
                throw new ModelVerificationException(check);
            }

            string target = Path.Combine(root, version);
            Directory.Move(staging, target);
            return check with { Folder = target };      // a rename changes no byte: the staged copy's verification stands
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Moves a corrupted version folder aside to <c>{root}/.quarantine/{version}-{time}</c>, so nothing stored is lost.</summary>
    public static string Quarantine(string folder, DateTimeOffset now)
    {
        string root = Path.GetDirectoryName(folder)!;
        string target = Path.Combine(root, QuarantineFolder, Path.GetFileName(folder) + "-" + now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Directory.Move(folder, target);
        return target;
    }
}
