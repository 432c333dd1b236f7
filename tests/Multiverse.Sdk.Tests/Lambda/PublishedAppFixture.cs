using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Lambda;

/// <summary>Publishes each flavour of the test app at most once per run, reusing earlier runs' output.</summary>
public sealed class PublishedAppFixture
{
    public LambdaAppPublisher Publisher { get; } = new(TestTools.RepositoryRoot, TestTools.Directory);
}
