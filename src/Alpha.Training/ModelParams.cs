using System.Globalization;
using Alpha.Optimization;
using Alpha.Registry;
using YamlDotNet.RepresentationModel;

namespace Alpha.Training;

/// <summary>The decision parameters a version's <c>params.yaml</c> holds (read after its checksums verified).</summary>
internal sealed record ModelParams(Theta Theta, double MaxSpeed, double EntryZ, double EntryMaxZ)
{
    public static ModelParams Read(string folder)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(folder, ModelFiles.Params))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        double Number(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) && node is YamlScalarNode { Value: string v }
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            ? x
            : throw new InvalidDataException($"{ModelFiles.Params}: '{key}' is missing or not a number.");
        return new ModelParams(new Theta(Number("theta1"), Number("theta2")), Number("max_speed"), Number("entry_z"), Number("entry_max_z"));
    }

    /// <summary>Verifies a version folder's checksums.</summary>
    /// <exception cref="ModelVerificationException">A checksum does not verify (the message lists the problems).</exception>
    public static ModelVerification EnsureVerified(string folder)
    {
        ModelVerification check = ModelStore.Verify(folder);
        return check.IsValid ? check : throw new ModelVerificationException(check);
    }
}
