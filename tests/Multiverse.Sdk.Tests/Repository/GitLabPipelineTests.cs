using System.Text.Json;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Repository;

/// <summary>
/// Validates the repository's .gitlab-ci.yml with GitLab's own schema (through gitlab-ci-local) and yamllint,
/// and checks the pipeline promises the README makes. The tools run on a copy: gitlab-ci-local writes a folder
/// where it runs.
/// </summary>
public sealed class GitLabPipelineTests : IDisposable
{
    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromMinutes(2);
    private readonly string _workFolder = Directory.CreateTempSubdirectory("multiverse-gitlab-ci-").FullName;

    public GitLabPipelineTests()
    {
        File.Copy(
            Path.Combine(TestTools.RepositoryRoot, ".gitlab-ci.yml"),
            Path.Combine(_workFolder, ".gitlab-ci.yml"));
        File.Copy(Path.Combine(TestTools.RepositoryRoot, ".yamllint.yml"), Path.Combine(_workFolder, ".yamllint.yml"));
    }

    [Fact]
    public async Task GitLabCiLocal_ListsEveryStageInOrder_WhenThePipelineIsValid()
    {
        JsonElement jobs = await ListJobsAsync();

        Assert.Equal(
            ["build:build", "test:test", "pack:pack", "publish:publish"],
            jobs.EnumerateArray().Select(job => $"{job.GetProperty("name")}:{job.GetProperty("stage")}"));
    }

    [Fact]
    public async Task PublishJob_RunsOnlyForTags()
    {
        JsonElement branchPipeline = await ListJobsAsync();
        JsonElement tagPipeline = await ListJobsAsync("--variable", "CI_COMMIT_TAG=v1.2.3");

        Assert.Equal("never", FindJob(branchPipeline, "publish").GetProperty("when").GetString());
        Assert.Equal("on_success", FindJob(tagPipeline, "publish").GetProperty("when").GetString());
        Assert.Equal("on_success", FindJob(branchPipeline, "pack").GetProperty("when").GetString());
    }

    [Fact]
    public async Task Yamllint_ReportsNothing()
    {
        ProcessResult result = await ProcessRunner.RunAsync(
            "yamllint",
            ["--strict", "-c", ".yamllint.yml", ".gitlab-ci.yml"],
            _workFolder,
            s_toolTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task TestJob_RunsTheReadmeTestCommand_AndPublishesJunitReports()
    {
        JsonElement pipeline = await ReadPipelineAsync();
        JsonElement test = pipeline.GetProperty("test");

        Assert.Contains("./eng/test.sh", test.GetProperty("script").EnumerateArray().Select(line => line.GetString()));
        Assert.Equal(
            "artifacts/test-results/*.junit.xml",
            test.GetProperty("artifacts").GetProperty("reports").GetProperty("junit").GetString());
        Assert.Equal("always", test.GetProperty("artifacts").GetProperty("when").GetString());
        string readme = await File.ReadAllTextAsync(Path.Combine(TestTools.RepositoryRoot, "README.md"));
        Assert.Contains("./eng/test.sh", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NuGetPackages_AreCachedInsideTheProjectFolder()
    {
        JsonElement pipeline = await ReadPipelineAsync();

        string packages = pipeline.GetProperty("variables").GetProperty("NUGET_PACKAGES").GetString()!;
        Assert.StartsWith("$CI_PROJECT_DIR/", packages, StringComparison.Ordinal);
        JsonElement buildCache = pipeline.GetProperty("build").GetProperty("cache");
        Assert.Contains(
            ".nuget/packages/",
            buildCache.GetProperty("paths").EnumerateArray().Select(path => path.GetString()));
    }

    [Fact]
    public async Task PublishJob_PushesPackagesToTheProjectRegistry()
    {
        JsonElement pipeline = await ReadPipelineAsync();

        string script = string.Join('\n', pipeline.GetProperty("publish").GetProperty("script").EnumerateArray()
            .Select(line => line.GetString()));
        Assert.Contains(
            "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/nuget/index.json",
            script,
            StringComparison.Ordinal);
        Assert.Contains("dotnet nuget push \"artifacts/packages/*.nupkg\"", script, StringComparison.Ordinal);
        Assert.Contains("dotnet nuget push \"artifacts/packages/*.snupkg\"", script, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workFolder, recursive: true);

    private async Task<JsonElement> ListJobsAsync(params string[] extraArguments)
    {
        string tool = TestTools.Require(
            "npm/gitlab-ci-local-4.73.0/node_modules/.bin/gitlab-ci-local",
            "validators.sh");
        ProcessResult result = await ProcessRunner.RunAsync(
            tool,
            ["--list-json", "--ignore-predefined-vars", "CI", .. extraArguments],
            _workFolder,
            s_toolTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    private async Task<JsonElement> ReadPipelineAsync()
    {
        string converter = TestTools.Require("npm/gitlab-ci-local-4.73.0/node_modules/.bin/js-yaml", "validators.sh");
        ProcessResult result = await ProcessRunner.RunAsync(converter, [".gitlab-ci.yml"], _workFolder, s_toolTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    private static JsonElement FindJob(JsonElement jobs, string name) =>
        jobs.EnumerateArray().Single(job => job.GetProperty("name").GetString() == name);
}
