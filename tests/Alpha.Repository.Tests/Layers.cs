using System.Collections.Immutable;

namespace Alpha.Repository.Tests;

/// <summary>The layers of DESIGN.md § 4 and the rules between them, checked over a <see cref="ProjectGraph"/>.</summary>
internal static class Layers
{
    public const string Domain = "domain";
    public const string Native = "native";
    public const string Application = "application";
    public const string Adapter = "adapter";
    public const string Host = "host";

    /// <summary>Every package of DESIGN § 4 by layer; a new package is added here when it is added there.</summary>
    public static ImmutableDictionary<string, string> OfPackage { get; } = new Dictionary<string, string>
    {
        ["Alpha.MarketData"] = Domain,
        ["Alpha.Features"] = Domain,
        ["Alpha.Labeling"] = Domain,
        ["Alpha.CrossValidation"] = Domain,
        ["Alpha.Calibration"] = Domain,
        ["Alpha.Sizing"] = Domain,
        ["Alpha.Backtesting"] = Domain,
        ["Alpha.Optimization"] = Domain,
        ["Alpha.Signals"] = Domain,
        ["Alpha.Monitoring"] = Domain,
        ["Alpha.Boosting"] = Domain,
        ["Alpha.Boosting.XGBoost"] = Native,
        ["Alpha.Boosting.LightGbm"] = Native,
        ["Alpha.Configuration"] = Application,     // the binding of configuration files that § 4 gives the application layer
        ["Alpha.Training"] = Application,
        ["Alpha.Registry"] = Application,
        ["Alpha.Inference"] = Application,
        ["Alpha.Retraining"] = Application,
        ["Alpha.Operations"] = Application,
        ["Alpha.Storage.Postgres"] = Adapter,
        ["Alpha.Storage.Sqlite"] = Adapter,
        ["Alpha.Storage.Parquet"] = Adapter,
        ["Alpha.Messaging.Redis"] = Adapter,
        ["Alpha.MLNet"] = Adapter,
        ["Alpha.Inference.Onnx"] = Adapter,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>NuGet packages a domain package may reference: numerics, nothing with I/O.</summary>
    public static ImmutableHashSet<string> DomainPackages { get; } = ImmutableHashSet.Create(StringComparer.Ordinal, "MathNet.Numerics");

    /// <summary>NuGet packages that bring a native GBDT library: only the native layer and the training host may hold them.</summary>
    public static ImmutableHashSet<string> NativeBoosterPackages { get; } = ImmutableHashSet.Create(StringComparer.Ordinal, "LightGBM", "Microsoft.ML.LightGbm");

    /// <summary>NuGet packages that talk to an external system: adapters' business (and hosts', through them).</summary>
    public static ImmutableHashSet<string> ExternalSystemPackages { get; } = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Npgsql", "StackExchange.Redis", "Microsoft.Data.Sqlite", "Parquet.Net", "Apache.Arrow", "Microsoft.ML", "Microsoft.ML.OnnxRuntime");

    /// <summary>The hosts that serve models (the worker and the API); they load versions with no GBDT native library.</summary>
    public static ImmutableHashSet<string> ServingHosts { get; } = ImmutableHashSet.Create(StringComparer.Ordinal, "Alpha.Worker", "Alpha.Api");

    /// <summary>Every breach of DESIGN § 4 in <paramref name="graph"/>, one line each naming the project, the reference and the rule.</summary>
    public static ImmutableArray<string> Violations(ProjectGraph graph)
    {
        var violations = ImmutableArray.CreateBuilder<string>();
        foreach (ProjectGraph.Project project in graph.Projects)
        {
            if (project.IsHost)
            {
                continue;
            }

            if (!OfPackage.TryGetValue(project.Name, out string? layer))
            {
                violations.Add($"{project.Name}: not in DESIGN § 4's package map (add it there and to Layers.OfPackage)");
                continue;
            }

            foreach (string reference in project.References)
            {
                string target = graph.Contains(reference) && graph[reference].IsHost ? Host : OfPackage.GetValueOrDefault(reference, "unknown");
                if (Forbidden(layer, target) is string rule)
                {
                    violations.Add($"{project.Name} ({layer}) references {reference} ({target}): {rule}");
                }
            }

            foreach (string package in project.Packages)
            {
                if (layer == Domain && !DomainPackages.Contains(package))
                {
                    violations.Add($"{project.Name} (domain) references package {package}: domain packages use only the BCL, MathNet.Numerics and other domain packages");
                }
                else if (layer == Application && (NativeBoosterPackages.Contains(package) || ExternalSystemPackages.Contains(package)))
                {
                    violations.Add($"{project.Name} (application) references package {package}: application packages own interfaces that adapters implement; they hold no native library and no external-system client");
                }
            }
        }

        foreach (string host in ServingHosts.Where(graph.Contains).Append("Alpha.Training").Append("Alpha.Inference").Where(graph.Contains))
        {
            (ImmutableSortedSet<string> projects, ImmutableSortedSet<string> packages) = graph.Closure(host);
            foreach (string native in projects.Where(p => OfPackage.GetValueOrDefault(p) == Native).Concat(packages.Where(NativeBoosterPackages.Contains)))
            {
                violations.Add($"{host}'s closure contains {native}: it loads and scores models with no GBDT native library (the training host registers the trainers)");
            }
        }

        return violations.ToImmutable();
    }

    // DESIGN § 4, bottom to top: domain, native, application, adapters, hosts; a package uses those below it only.
    private static string? Forbidden(string from, string to) => (from, to) switch
    {
        (_, "unknown") => "the referenced project is not in DESIGN § 4's package map",
        (Domain, not Domain) => "domain packages reference only domain packages",
        (Native, not Domain) => "native packages reference only domain packages (the trainer contract lives in Alpha.Boosting)",
        (Application, Adapter or Native or Host) => "application packages never reference an adapter, a native package or a host",
        (Adapter, Host) => "adapters never reference a host",
        _ => null,
    };
}
