using System.Collections.Immutable;
using System.Xml.Linq;

namespace Alpha.Repository.Tests;

/// <summary>The projects under src/ and hosts/ with the projects and packages each references, read from the project files.</summary>
internal sealed class ProjectGraph
{
    private readonly ImmutableDictionary<string, Project> _projects;

    public ProjectGraph(IEnumerable<Project> projects) =>
        _projects = projects.ToImmutableDictionary(p => p.Name, StringComparer.Ordinal);

    public IEnumerable<Project> Projects => _projects.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public Project this[string name] => _projects[name];

    public bool Contains(string name) => _projects.ContainsKey(name);

    /// <summary>Reads every <c>src/*/*.csproj</c> and <c>hosts/*/*.csproj</c> of the repository.</summary>
    public static ProjectGraph Read(string repositoryRoot)
    {
        var projects = new List<Project>();
        foreach (string folder in new[] { "src", "hosts" })
        {
            foreach (string directory in Directory.GetDirectories(Path.Combine(repositoryRoot, folder)))
            {
                string file = Path.Combine(directory, Path.GetFileName(directory) + ".csproj");
                if (File.Exists(file))
                {
                    projects.Add(Project.Read(file, isHost: folder == "hosts"));
                }
            }
        }

        return new ProjectGraph(projects);
    }

    /// <summary>The project and everything it references, directly or through other projects (project names and package ids).</summary>
    public (ImmutableSortedSet<string> Projects, ImmutableSortedSet<string> Packages) Closure(string name)
    {
        var projects = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var packages = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([name]);
        while (pending.Count > 0)
        {
            Project project = _projects[pending.Pop()];
            if (!projects.Add(project.Name))
            {
                continue;
            }

            packages.UnionWith(project.Packages);
            foreach (string reference in project.References)
            {
                pending.Push(reference);
            }
        }

        return (projects.ToImmutable(), packages.ToImmutable());
    }

    /// <summary>A project file's name, whether it is a host, and its direct project and package references.</summary>
    internal sealed record Project(string Name, bool IsHost, ImmutableArray<string> References, ImmutableArray<string> Packages)
    {
        public static Project Read(string file, bool isHost)
        {
            XDocument document = XDocument.Load(file);
            ImmutableArray<string> Includes(string item) =>
                [.. document.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>()];

            return new Project(
                Path.GetFileNameWithoutExtension(file),
                isHost,
                [.. Includes("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Replace('\\', '/')))],
                Includes("PackageReference"));
        }
    }
}
