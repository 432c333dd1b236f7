using Multiverse.Sdk.Aws;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Aws;

public sealed class AwsRegionResolverTests : IDisposable
{
    private readonly AwsTestEnvironment _environment = new();
    private readonly AwsOptions _options = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void Find_SettingAndEnvironment_PrefersTheSetting()
    {
        _options.Region = "eu-central-1";
        _environment.Set("AWS_REGION", "us-east-1");

        Assert.Equal(new AwsRegion("eu-central-1", "Multiverse:Aws:Region"), Find());
    }

    [Fact]
    public void Find_AwsRegionAndAwsDefaultRegion_PrefersAwsRegion()
    {
        _environment.Set("AWS_REGION", "eu-west-3").Set("AWS_DEFAULT_REGION", "us-west-2");

        Assert.Equal(new AwsRegion("eu-west-3", "AWS_REGION"), Find());
    }

    [Fact]
    public void Find_OnlyAwsDefaultRegion_UsesIt()
    {
        _environment.Set("AWS_DEFAULT_REGION", "us-west-2");

        Assert.Equal(new AwsRegion("us-west-2", "AWS_DEFAULT_REGION"), Find());
    }

    [Fact]
    public void Find_AwsProfileWithRegion_UsesTheProfileRegion()
    {
        _environment.WithConfigFile("[default]\nregion = us-east-2\n\n[profile dev]\nregion = ap-southeast-2\n")
            .Set("AWS_PROFILE", "dev");

        AwsRegion? region = Find();

        Assert.Equal("ap-southeast-2", region?.Name);
        Assert.Contains("profile 'dev'", region?.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ConfiguredProfileWithRegion_UsesTheConfiguredProfile()
    {
        _environment.WithConfigFile("[profile dev]\nregion = ap-southeast-2\n\n[profile ops]\nregion = sa-east-1\n")
            .Set("AWS_PROFILE", "dev");
        _options.Profile = "ops";

        Assert.Equal("sa-east-1", Find()?.Name);
    }

    [Fact]
    public void Find_DefaultProfileWithRegion_UsesIt()
    {
        _environment.WithConfigFile("[default]\nregion = us-east-2\n");

        Assert.Equal("us-east-2", Find()?.Name);
    }

    [Fact]
    public void Find_NothingConfigured_ReturnsNull()
    {
        Assert.Null(Find());
    }

    [Fact]
    public void Require_NothingConfigured_ThrowsNamingTheSettingAndAwsRegion()
    {
        var exception = Assert.Throws<MultiverseConfigurationException>(Require);

        Assert.Contains("No AWS region is configured", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse:Aws:Region", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse__Aws__Region", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_UnknownRegionInAwsRegion_ThrowsNamingAwsRegion()
    {
        _environment.Set("AWS_REGION", "eu-wset-1");

        var exception = Assert.Throws<MultiverseConfigurationException>(Require);

        Assert.Contains("'eu-wset-1' from AWS_REGION is not", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse:Aws:AllowUnknownRegion", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_UnlistedButWellFormedRegionAllowed_ReturnsIt()
    {
        _options.Region = "xx-future-9";
        _options.AllowUnknownRegion = true;

        Assert.Equal("xx-future-9", Require().Name);
    }

    [Fact]
    public void Require_MalformedRegionAllowedUnknown_StillThrows()
    {
        _options.Region = "Frankfurt";
        _options.AllowUnknownRegion = true;

        var exception = Assert.Throws<MultiverseConfigurationException>(Require);

        Assert.Contains("does not look like an AWS region code", exception.Message, StringComparison.Ordinal);
    }

    private AwsRegion? Find() => AwsRegionResolver.Find(_options, _environment.Environment, _environment.Profiles);

    private AwsRegion Require() => AwsRegionResolver.Require(_options, _environment.Environment, _environment.Profiles);
}
