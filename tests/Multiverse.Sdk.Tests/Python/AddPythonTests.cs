using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Python;

namespace Multiverse.Sdk.Tests.Python;

public sealed class AddPythonTests
{
    [Fact]
    public void AddPython_BindsEverySettingFromConfiguration()
    {
        PythonTestHost host = PythonTestHost.Build(settings: new()
        {
            ["Multiverse:Python:InterpreterPath"] = "python3",
            ["Multiverse:Python:ModulePath"] = "python:lib",
            ["Multiverse:Python:PoolSize"] = "3",
            ["Multiverse:Python:MaxCallsPerWorker"] = "2",
            ["Multiverse:Python:WarmUpModules:0"] = "pricing.rules",
            ["Multiverse:Python:RecycleAfterCalls"] = "500",
            ["Multiverse:Python:CallTimeout"] = "00:00:05",
            ["Multiverse:Python:StartTimeout"] = "00:01:00",
            ["Multiverse:Python:MaxResultBytes"] = "1024",
            ["Multiverse:Python:BusyPollDuration"] = "00:00:00.0005",
            ["Multiverse:Python:PassThroughEnvironmentVariables:0"] = "AWS_SESSION_TOKEN",
            ["Multiverse:Python:EnvironmentVariables:MODEL_DIR"] = "/opt/model",
        });

        PythonOptions options = host.Host.Services.GetRequiredService<IOptions<PythonOptions>>().Value;

        Assert.Equal("python:lib", options.ModulePath);
        Assert.Equal(3, options.PoolSize);
        Assert.Equal(2, options.MaxCallsPerWorker);
        Assert.Equal(["pricing.rules"], options.WarmUpModules);
        Assert.Equal(500, options.RecycleAfterCalls);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CallTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.StartTimeout);
        Assert.Equal(1024, options.MaxResultBytes);
        Assert.Equal(TimeSpan.FromMicroseconds(500), options.BusyPollDuration);
        Assert.Equal(["AWS_SESSION_TOKEN"], options.PassThroughEnvironmentVariables);
        Assert.Equal("/opt/model", options.EnvironmentVariables["MODEL_DIR"]);
        host.Host.Dispose();
    }

    [Fact]
    public void AddPython_CalledTwice_RegistersThePoolAndItsStartOnce()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        builder.AddMultiverse().AddPython().AddPython(options => options.PoolSize = 1);

        Assert.Single(builder.Services, descriptor => descriptor.ServiceType == typeof(IPythonWorkerPool));
        Assert.Single(
            builder.Services,
            descriptor => descriptor.ImplementationType == typeof(PythonWorkerPoolHostedService));
    }
}
