using Microsoft.Extensions.Configuration;
using Multiverse.Sdk.Configuration;

namespace Multiverse.Sdk.Tests.Configuration;

public sealed class ConfigurationBindingTests
{
    private enum Provider
    {
        Embedded,
        DynamoDb,
    }

    [Theory]
    [InlineData(null)]
    [InlineData("DynamoDb")]
    [InlineData("dynamodb")]
    public void RequireEnumName_MissingOrKnownName_Accepts(string? value)
    {
        IConfigurationSection section = Section("Multiverse:Documents", "Provider", value);

        ConfigurationBinding.RequireEnumName<Provider>(section, "Provider");
    }

    [Fact]
    public void RequireEnumName_UnknownName_ThrowsNamingTheSettingTheChoicesAndTheVariable()
    {
        IConfigurationSection section = Section("Multiverse:Documents", "Provider", "Dynamo");

        var exception = Assert.Throws<MultiverseConfigurationException>(
            () => ConfigurationBinding.RequireEnumName<Provider>(section, "Provider"));

        Assert.Contains("'Multiverse:Documents:Provider'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Embedded, DynamoDb", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse__Documents__Provider", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("1.00:00:00")]
    [InlineData("")]
    public void RequireTimeSpan_HoursMinutesSeconds_Accepts(string value)
    {
        ConfigurationBinding.RequireTimeSpan(Section("Multiverse:Lambda", "Timeout", value), "Timeout");
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30s")]
    [InlineData("half a minute")]
    public void RequireTimeSpan_BareNumberOrText_ThrowsShowingTheFormat(string value)
    {
        IConfigurationSection section = Section("Multiverse:Lambda", "Timeout", value);

        var exception = Assert.Throws<MultiverseConfigurationException>(
            () => ConfigurationBinding.RequireTimeSpan(section, "Timeout"));

        Assert.Contains("'Multiverse:Lambda:Timeout'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:30", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireInt32_Text_ThrowsNamingTheSetting()
    {
        IConfigurationSection section = Section("Multiverse:Python", "Workers", "four");

        var exception = Assert.Throws<MultiverseConfigurationException>(
            () => ConfigurationBinding.RequireInt32(section, "Workers"));

        string expected = "'Multiverse:Python:Workers' has the value 'four'";
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireBoolean_Yes_ThrowsAskingForTrueOrFalse()
    {
        IConfigurationSection section = Section("Multiverse:Objects", "CreateBuckets", "yes");

        var exception = Assert.Throws<MultiverseConfigurationException>(
            () => ConfigurationBinding.RequireBoolean(section, "CreateBuckets"));

        Assert.Contains("Set it to true or false", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSetting_WithoutValue_DoesNotShowOne()
    {
        string message = ConfigurationBinding.InvalidSetting(
            "Multiverse:Aws:AssumeRole:ExternalId",
            value: null,
            "is not an external id STS accepts",
            "Use 2 to 1224 characters");

        Assert.Equal(
            "Setting 'Multiverse:Aws:AssumeRole:ExternalId' is not an external id STS accepts. Use 2 to 1224 "
            + "characters (environment variable Multiverse__Aws__AssumeRole__ExternalId).",
            message);
    }

    private static IConfigurationSection Section(string path, string key, string? value) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{path}:{key}"] = value })
            .Build()
            .GetSection(path);
}
