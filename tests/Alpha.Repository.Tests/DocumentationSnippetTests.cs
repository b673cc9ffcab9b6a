using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Alpha.Repository.Tests;

/// <summary>
/// Every C# snippet (a <c>```csharp</c> block) in README.md, each package's and host's README and docs/*.md compiles
/// as a program of its own against the packages, so it defines every name it uses: a reader can paste it.
/// </summary>
public sealed partial class DocumentationSnippetTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(References);

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach ((string file, int line, _) in All())
        {
            data.Add(file, line);
        }

        return data;
    }

    [Fact]
    public void TheDocsHaveSnippets_InEveryPackageReadme()
    {
        string[] withSnippets = [.. All().Select(s => s.File).Distinct()];
        foreach (string readme in Directory.GetDirectories(Path.Combine(TestEnvironment.RepositoryRoot, "src")).Select(d => Path.GetRelativePath(TestEnvironment.RepositoryRoot, Path.Combine(d, "README.md"))))
        {
            Assert.Contains(readme, withSnippets);
        }
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string file, int line)
    {
        string code = All().Single(s => s.File == file && s.Line == line).Code;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree snippet = CSharpSyntaxTree.ParseText(code, parse, path: $"{file}:{line}");
        SyntaxTree usings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.IO; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;",
            parse);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Snippet",
            [snippet, usings],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        Diagnostic[] errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

        Assert.True(errors.Length == 0, $"{file}, snippet at line {line}:\n" + string.Join('\n', errors.Select(e => $"  line {line + e.Location.GetLineSpan().StartLinePosition.Line + 1}: {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
    }

    private static IEnumerable<(string File, int Line, string Code)> All()
    {
        string root = TestEnvironment.RepositoryRoot;
        IEnumerable<string> files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "src"), "README.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "hosts"), "README.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string path in files)
        {
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                if (!CSharpFence().IsMatch(lines[i]))
                {
                    continue;
                }

                int start = i + 1;
                int end = Array.FindIndex(lines, start, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                Assert.True(end > 0, $"{path}: the snippet at line {start} is not closed");
                yield return (Path.GetRelativePath(root, path), start + 1, string.Join('\n', lines[start..end]));
                i = end;
            }
        }
    }

    private static ImmutableArray<MetadataReference> References()
    {
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        IEnumerable<string> local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => !platform.Any(p => Path.GetFileName(p) == Path.GetFileName(f)));
        return [.. platform.Concat(local).Where(IsManaged).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            _ = System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\s*```(csharp|cs|c#)\s*$")]
    private static partial Regex CSharpFence();
}
