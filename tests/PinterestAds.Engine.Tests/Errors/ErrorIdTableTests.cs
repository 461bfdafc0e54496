using System.Reflection;
using System.Text.RegularExpressions;

namespace PinterestAds.Engine.Tests.Errors;

/// <summary>
/// The one table of error ids (<see cref="ErrorIds"/>): each id is its own name, raised only through the
/// table (no literal id in the module's sources), and every id a test asserts is in it, so a drifted or
/// made-up id in a test fails here instead of passing by accident.
/// </summary>
public class ErrorIdTableTests
{
    // PowerShell's own ids (parameter binding), which tests assert beside ours.
    private static readonly HashSet<string> PowerShellIds = new(StringComparer.Ordinal)
    {
        "ParameterArgumentValidationError", "ParameterArgumentTransformationError", "CannotConvertArgumentNoMessage",
        "ParameterArgument", "MissingMandatoryParameter", "AmbiguousParameterSet", "NamedParameterNotFound",
        "PositionalParameterNotFound", "ParameterBindingFailed", "CommandNotFoundException", "InputObjectNotBound",
    };

    private static IReadOnlyDictionary<string, string> Table() =>
        typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);

    [Fact]
    public void Every_id_is_its_own_PascalCase_name_and_unique()
    {
        var table = Table();
        Assert.True(table.Count > 100, $"only {table.Count} ids in the table");
        foreach (var (name, value) in table)
        {
            Assert.Equal(name, value);
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", value);
        }
        Assert.Equal(table.Count, table.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void No_module_source_raises_an_error_with_a_literal_id()
    {
        var offenders = new List<string>();
        // The id is the first argument of every Pinterest exception (the rate-limit one has its own) and of ErrorRecords.Validation,
        // the second of a raw ErrorRecord; token endpoint and status switches pair an id with a PinErrorKind.
        var raising = new Regex(@"(new\s+Pinterest(?!RateLimit)\w*Exception|ErrorRecords\.Validation)\s*\(\s*(\$?@?""[^""]*""|[^,()]*\?\s*""[^""]*"")"
            + @"|new\s+ErrorRecord\s*\([^,]+,\s*""[^""]*"""
            + @"|\(\s*""[A-Za-z]+""\s*,\s*PinErrorKind\."
            + @"|ErrorId\s*==\s*""", RegexOptions.Compiled);
        foreach (var file in ModuleSources())
        {
            string text = File.ReadAllText(file);
            foreach (Match m in raising.Matches(text))
                offenders.Add($"{Path.GetRelativePath(RepoRoot(), file)}:{text[..m.Index].Count(c => c == '\n') + 1}: {m.Value}");
        }
        Assert.True(offenders.Count == 0, "Raise errors with ErrorIds constants, not literals:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_id_the_tests_assert_is_in_the_table()
    {
        var table = Table();
        var patterns = new[]
        {
            new Regex(@"-ErrorId\s+['""](\w+)"),                                   // Should -Throw -ErrorId 'X'
            new Regex(@"\bErrorId\s*=\s*['""](\w+)['""]"),                           // @{ ErrorId = 'X' } test cases
            new Regex(@"FullyQualifiedErrorId\s*\|\s*Should\s+-\w+\s+['""](\w+)"),  // FullyQualifiedErrorId | Should -BeLike 'X,*'
            new Regex(@"\.ErrorId\s*\|\s*Should\s+-\w+\s+['""](\w+)"),               // $x.ErrorId | Should -Be 'X'
            new Regex(@"Assert\.Equal\(""(\w+)"",[^;]*\.ErrorId\)"),                 // Assert.Equal("X", ex.ErrorId)
        };
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var testsRoot = Path.Combine(RepoRoot(), "tests");
        var files = Directory.EnumerateFiles(testsRoot, "*.ps1", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f) && !f.EndsWith(nameof(ErrorIdTableTests) + ".cs", StringComparison.Ordinal));
        int seen = 0;
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            foreach (var pattern in patterns)
                foreach (Match m in pattern.Matches(text))
                {
                    string id = m.Groups[1].Value;
                    seen++;
                    if (!table.ContainsKey(id) && !PowerShellIds.Contains(id))
                        unknown.Add($"{id} ({Path.GetRelativePath(testsRoot, file)})");
                }
        }
        Assert.True(seen > 100, $"the scan found only {seen} asserted ids; did the test files move?");
        Assert.True(unknown.Count == 0, "Tests assert ids the module never raises (add them to ErrorIds or fix the test):\n" + string.Join("\n", unknown));
    }

    private static IEnumerable<string> ModuleSources() =>
        new[] { "PinterestAds.Engine", "PinterestAds.PowerShell" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f));

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PinterestAds.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PinterestAds.sln not found above " + AppContext.BaseDirectory);
    }
}
