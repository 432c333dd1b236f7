namespace Multiverse.Sdk.Aws;

/// <summary>
/// The region the AWS clients use and where it was found, for logs and error messages.
/// </summary>
/// <param name="Name">The region code, for example <c>eu-west-1</c>.</param>
/// <param name="Source">The setting, environment variable or profile it came from.</param>
internal sealed record AwsRegion(string Name, string Source);
