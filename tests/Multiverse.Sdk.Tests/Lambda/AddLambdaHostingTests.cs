using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Configuration;
using Multiverse.Sdk.Lambda;

namespace Multiverse.Sdk.Tests.Lambda;

public sealed class AddLambdaHostingTests
{
    [Fact]
    public void AddLambdaHosting_NoRuntimeApi_KeepsKestrel()
    {
        using WebApplication app = Build([]);

        Assert.IsNotType<LambdaServer>(app.Services.GetRequiredService<IServer>());
    }

    [Fact]
    public void AddLambdaHosting_RuntimeApiConfigured_ServesFromTheRuntimeApi()
    {
        using WebApplication app = Build(new() { ["Multiverse:Lambda:RuntimeApi"] = "127.0.0.1:9001" });

        Assert.IsType<LambdaServer>(app.Services.GetRequiredService<IServer>());
    }

    [Fact]
    public void AddLambdaHosting_Accessor_IsRegisteredOnKestrelToo()
    {
        using WebApplication app = Build([]);

        Assert.Null(app.Services.GetRequiredService<ILambdaContextAccessor>().LambdaContext);
    }

    [Fact]
    public void Options_FunctionTimeoutNotLongerThanMargin_FailValidationNamingTheSetting()
    {
        using WebApplication app = Build(new()
        {
            ["Multiverse:Lambda:FunctionTimeout"] = "00:00:01",
            ["Multiverse:Lambda:DeadlineMargin"] = "00:00:02",
        });

        OptionsValidationException exception = Assert.Throws<OptionsValidationException>(
            () => app.Services.GetRequiredService<IOptions<LambdaHostingOptions>>().Value);

        Assert.Contains("Multiverse:Lambda:FunctionTimeout", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Multiverse__Lambda__FunctionTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DeadlineMarginNotATimeSpan_ThrowsConfigurationExceptionNamingTheSection()
    {
        using WebApplication app = Build(new() { ["Multiverse:Lambda:DeadlineMargin"] = "half a second" });

        MultiverseConfigurationException exception = Assert.Throws<MultiverseConfigurationException>(
            () => app.Services.GetRequiredService<IOptions<LambdaHostingOptions>>().Value);

        Assert.Contains("Multiverse:Lambda", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_HalfSecondMarginAndNoKestrelTimeout()
    {
        using WebApplication app = Build([]);

        LambdaHostingOptions options = app.Services.GetRequiredService<IOptions<LambdaHostingOptions>>().Value;

        Assert.Equal(TimeSpan.FromMilliseconds(500), options.DeadlineMargin);
        Assert.Null(options.FunctionTimeout);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMultiverse().AddLambdaHosting();
        return builder.Build();
    }
}
