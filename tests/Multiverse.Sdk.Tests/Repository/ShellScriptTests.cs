using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Repository;

/// <summary>
/// The build and test scripts run on fresh CI machines; shellcheck catches the mistakes that only show there.
/// </summary>
public sealed class ShellScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var scripts = new TheoryData<string>();
        string root = TestTools.RepositoryRoot;
        foreach (string script in Directory
            .EnumerateFiles(Path.Combine(root, "eng"), "*.sh", SearchOption.AllDirectories)
            .Append(Path.Combine(root, ".ci", "run"))
            .Order(StringComparer.Ordinal))
        {
            scripts.Add(Path.GetRelativePath(root, script));
        }

        return scripts;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Shellcheck_ReportsNothing(string script)
    {
        ProcessResult result = await ProcessRunner.RunAsync(
            "shellcheck",
            ["--external-sources", script],
            TestTools.RepositoryRoot,
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
