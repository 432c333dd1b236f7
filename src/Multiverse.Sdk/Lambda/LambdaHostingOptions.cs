namespace Multiverse.Sdk.Lambda;

/// <summary>
/// Settings of Lambda hosting, bound from the <c>Multiverse:Lambda</c> configuration section.
/// </summary>
public sealed class LambdaHostingOptions
{
    /// <summary>The name of the configuration section, relative to <c>Multiverse</c>.</summary>
    public const string SectionName = "Lambda";

    /// <summary>
    /// Gets or sets the host and port of the Lambda Runtime API. When it has a value the application serves
    /// invocations from that API instead of listening with Kestrel.
    /// </summary>
    /// <value>
    /// Defaults to the <c>AWS_LAMBDA_RUNTIME_API</c> environment variable, which Lambda sets; <see langword="null"/>
    /// (serve with Kestrel) when that is not set. Set it only to run against a local Runtime API.
    /// </value>
    public string? RuntimeApi { get; set; }

    /// <summary>
    /// Gets or sets how long before the invocation deadline <c>HttpContext.RequestAborted</c> is cancelled, so
    /// the application can stop its work and still send a response before Lambda ends the invocation.
    /// </summary>
    /// <value>Defaults to 500 milliseconds. Must be between zero and 15 minutes.</value>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets the function timeout to imitate when the application runs on Kestrel: each request's
    /// <c>RequestAborted</c> is cancelled <see cref="DeadlineMargin"/> before it, as it would be on Lambda.
    /// On Lambda the deadline of each invocation is used and this setting is ignored.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: requests on Kestrel have no deadline.</value>
    public TimeSpan? FunctionTimeout { get; set; }
}
