using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Multiverse.Sdk.Lambda;

/// <summary>Puts <see cref="ProblemResponseMiddleware"/> in front of the application's own pipeline.</summary>
internal sealed class ProblemResponseStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
        app =>
        {
            IServiceProvider services = app.ApplicationServices;
            LambdaHostingOptions options = services.GetRequiredService<IOptions<LambdaHostingOptions>>().Value;
            ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Multiverse.Sdk.Lambda");
            bool isDevelopment = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
            TimeSpan? kestrelAbortAfter = options.FunctionTimeout - options.DeadlineMargin;
            app.Use(pipeline =>
                new ProblemResponseMiddleware(pipeline, logger, isDevelopment, kestrelAbortAfter).InvokeAsync);
            next(app);
        };
}
