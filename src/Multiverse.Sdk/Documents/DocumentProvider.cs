namespace Multiverse.Sdk.Documents;

/// <summary>
/// Where document tables are stored.
/// </summary>
public enum DocumentProvider
{
    /// <summary>
    /// SQLite through Microsoft.Data.Sqlite, in memory or in a file: for local runs and tests, with no AWS account.
    /// </summary>
    Embedded,

    /// <summary>
    /// Amazon DynamoDB through the <c>IAmazonDynamoDB</c> client that <c>AddMultiverse</c> registers.
    /// </summary>
    DynamoDb,
}
