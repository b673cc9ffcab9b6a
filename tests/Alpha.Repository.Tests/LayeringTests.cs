using System.Collections.Immutable;

namespace Alpha.Repository.Tests;

/// <summary>DESIGN.md § 4's layers, read from the project files: a forbidden reference fails the build's tests.</summary>
public sealed class LayeringTests
{
    private static readonly ProjectGraph s_repository = ProjectGraph.Read(TestEnvironment.RepositoryRoot);

    [Fact]
    public void Repository_BreaksNoLayerRule()
    {
        ImmutableArray<string> violations = Layers.Violations(s_repository);

        Assert.True(violations.IsEmpty, "Layer rules broken:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Repository_IsReadWhole()
    {
        // The rules see every package and host: the graph is not silently empty or partial.
        Assert.Equal(SourcePackages.Names, s_repository.Projects.Where(p => !p.IsHost).Select(p => p.Name));
        Assert.Contains(s_repository.Projects, p => p.IsHost && p.Name == "Alpha.Cli");
        Assert.Contains("Alpha.Boosting", s_repository["Alpha.Training"].References);
    }

    [Fact]
    public void TrainingClosure_HoldsNoNativeBooster()
    {
        (ImmutableSortedSet<string> projects, ImmutableSortedSet<string> packages) = s_repository.Closure("Alpha.Training");

        Assert.Contains("Alpha.Boosting", projects);
        Assert.DoesNotContain(projects, p => Layers.OfPackage.GetValueOrDefault(p) == Layers.Native);
        Assert.DoesNotContain(packages, Layers.NativeBoosterPackages.Contains);
    }

    [Theory]
    [InlineData("Alpha.Features", "Alpha.Training", "domain packages reference only domain packages")]
    [InlineData("Alpha.Training", "Alpha.Boosting.XGBoost", "application packages never reference an adapter, a native package or a host")]
    [InlineData("Alpha.Training", "Alpha.Storage.Postgres", "application packages never reference an adapter, a native package or a host")]
    [InlineData("Alpha.Training", "Alpha.Cli", "application packages never reference an adapter, a native package or a host")]
    [InlineData("Alpha.Storage.Postgres", "Alpha.Cli", "adapters never reference a host")]
    [InlineData("Alpha.Boosting.XGBoost", "Alpha.Training", "native packages reference only domain packages")]
    public void ForbiddenReference_IsReported(string from, string to, string rule)
    {
        ImmutableArray<string> violations = Layers.Violations(WithReference(from, to));

        Assert.Contains(violations, v => v.StartsWith(from + " (", StringComparison.Ordinal) && v.Contains("references " + to, StringComparison.Ordinal) && v.Contains(": " + rule, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Alpha.Worker", "Alpha.Boosting.XGBoost")]
    [InlineData("Alpha.Api", "Alpha.Boosting.LightGbm")]
    public void ServingHost_ReachingANativeBoosterThroughAnotherPackage_IsReported(string host, string native)
    {
        // The worker reaches the native package only transitively, through an application package that (wrongly) holds it.
        ProjectGraph graph = WithReference("Alpha.Inference", native, [new ProjectGraph.Project(host, IsHost: true, ["Alpha.Inference"], [])]);

        ImmutableArray<string> violations = Layers.Violations(graph);

        Assert.Contains($"{host}'s closure contains {native}: it loads and scores models with no GBDT native library (the training host registers the trainers)", violations);
    }

    [Fact]
    public void ApplicationPackage_HoldingTheLightGbmPackage_IsReported()
    {
        ProjectGraph graph = With(new ProjectGraph.Project("Alpha.Training", false, ["Alpha.Boosting"], ["YamlDotNet", "LightGBM"]));

        Assert.Contains(Layers.Violations(graph), v => v.StartsWith("Alpha.Training (application) references package LightGBM", StringComparison.Ordinal));
    }

    [Fact]
    public void UnmappedPackage_IsReported()
    {
        ProjectGraph graph = With(new ProjectGraph.Project("Alpha.Unplanned", false, [], []));

        Assert.Contains("Alpha.Unplanned: not in DESIGN § 4's package map (add it there and to Layers.OfPackage)", Layers.Violations(graph));
    }

    // The repository's graph with one more reference (and projects that the repository may not have yet).
    private static ProjectGraph WithReference(string from, string to, IEnumerable<ProjectGraph.Project>? extra = null)
    {
        var projects = s_repository.Projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (string name in new[] { from, to }.Where(n => !projects.ContainsKey(n)))
        {
            projects[name] = new ProjectGraph.Project(name, IsHost: false, [], []);
        }

        projects[from] = projects[from] with { References = projects[from].References.Add(to) };
        foreach (ProjectGraph.Project project in extra ?? [])
        {
            projects[project.Name] = project;
        }

        return new ProjectGraph(projects.Values);
    }

    private static ProjectGraph With(ProjectGraph.Project project)
    {
        var projects = s_repository.Projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        projects[project.Name] = project;
        return new ProjectGraph(projects.Values);
    }
}
