using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Documents;

internal static partial class DocumentsLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Update of an item in table {TableName} met a version conflict on attempt {Attempt} of "
            + "{MaxAttempts}; reading it again")]
    public static partial void UpdateConflict(ILogger logger, string tableName, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "DynamoDB left {Count} items of a batch on table {TableName} unprocessed; retrying in "
            + "{DelayMilliseconds} ms")]
    public static partial void BatchUnprocessed(ILogger logger, int count, string tableName, double delayMilliseconds);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Created table {TableName} ({Provider})")]
    public static partial void TableCreated(ILogger logger, string tableName, DocumentProvider provider);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information,
        Message = "Documents are stored by the {Provider} provider in {Location}")]
    public static partial void StoreOpened(ILogger logger, DocumentProvider provider, string location);
}
