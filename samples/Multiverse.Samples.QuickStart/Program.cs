using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Multiverse.Sdk.Hosting;

// The smallest complete use of the SDK: build a host with AddMultiverse, let it validate its configuration,
// and report what it set up. It needs no AWS account: nothing here calls AWS.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.AddMultiverse(options => options.ServiceName ??= "quickstart");

using IHost host = builder.Build();
await host.StartAsync();

MultiverseOptions options = host.Services.GetRequiredService<IOptions<MultiverseOptions>>().Value;
Console.WriteLine($"Started service '{options.ServiceName}' with Multiverse; configuration validated.");
Console.WriteLine(options.Aws.Region is null
    ? "No AWS region is configured: AWS clients are created only when a feature needs them."
    : $"AWS region: {options.Aws.Region}.");

await host.StopAsync();
Console.WriteLine("Stopped cleanly.");
