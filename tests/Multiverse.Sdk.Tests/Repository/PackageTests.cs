using System.IO.Compression;
using System.Xml.Linq;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Repository;

/// <summary>
/// Packs the library the way the pipeline does and checks what a consumer of the NuGet package gets.
/// </summary>
public sealed class PackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _output = Directory.CreateTempSubdirectory("multiverse-pack-").FullName;

    [Fact]
    public async Task Pack_ProducesPackageWithMetadataReadmeAndSymbols()
    {
        ProcessResult result = await ProcessRunner.RunAsync(
            "dotnet",
            ["pack", "src/Multiverse.Sdk", "-c", Configuration, "--no-build", "-o", _output],
            TestTools.RepositoryRoot,
            TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.ToString());

        string package = Assert.Single(Directory.GetFiles(_output, "Multiverse.Sdk.*.nupkg"));
        Assert.Single(Directory.GetFiles(_output, "Multiverse.Sdk.*.snupkg"));
        using ZipArchive archive = ZipFile.OpenRead(package);
        Assert.NotNull(archive.GetEntry("PACKAGE.md"));
        Assert.NotNull(archive.GetEntry("lib/net10.0/Multiverse.Sdk.dll"));
        Assert.NotNull(archive.GetEntry("lib/net10.0/Multiverse.Sdk.xml"));

        XElement metadata = ReadNuspecMetadata(archive);
        Assert.Equal("Multiverse.Sdk", Value(metadata, "id"));
        Assert.Equal("PACKAGE.md", Value(metadata, "readme"));
        Assert.Equal("Apache-2.0", Value(metadata, "license"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
        Assert.Contains("lambda", Value(metadata, "tags"), StringComparison.Ordinal);
        XElement repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(repository.Attribute("commit")?.Value));
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static XElement ReadNuspecMetadata(ZipArchive archive)
    {
        ZipArchiveEntry nuspec = archive.Entries.Single(
            entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().Single(element => element.Name.LocalName == name).Value;
}
