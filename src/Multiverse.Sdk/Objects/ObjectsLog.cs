using Microsoft.Extensions.Logging;

namespace Multiverse.Sdk.Objects;

/// <summary>
/// The object store's log messages; event ids 4100-4199 belong to objects.
/// </summary>
internal static partial class ObjectsLog
{
    [LoggerMessage(
        4100,
        LogLevel.Debug,
        "Started multipart upload of {BucketName}/{ObjectKey} with parts of {PartSize} bytes")]
    public static partial void MultipartUploadStarted(
        ILogger logger,
        string bucketName,
        string objectKey,
        int partSize);

    [LoggerMessage(4101, LogLevel.Debug, "Completed multipart upload of {BucketName}/{ObjectKey} in {PartCount} parts")]
    public static partial void MultipartUploadCompleted(
        ILogger logger,
        string bucketName,
        string objectKey,
        int partCount);

    [LoggerMessage(
        4102,
        LogLevel.Warning,
        "Part {PartNumber} of {BucketName}/{ObjectKey} failed on attempt {Attempt} of {MaxAttempts}; retrying")]
    public static partial void PartRetried(
        ILogger logger,
        Exception exception,
        string bucketName,
        string objectKey,
        int partNumber,
        int attempt,
        int maxAttempts);

    [LoggerMessage(
        4103,
        LogLevel.Warning,
        "Aborted multipart upload of {BucketName}/{ObjectKey} after it failed or was cancelled")]
    public static partial void MultipartUploadAborted(ILogger logger, string bucketName, string objectKey);

    [LoggerMessage(
        4104,
        LogLevel.Error,
        "Could not abort multipart upload {UploadId} of {BucketName}/{ObjectKey}; its parts stay billed until a "
        + "lifecycle rule removes incomplete multipart uploads")]
    public static partial void MultipartAbortFailed(
        ILogger logger,
        Exception exception,
        string bucketName,
        string objectKey,
        string uploadId);

    [LoggerMessage(4110, LogLevel.Information, "Embedded object store keeps bucket {BucketName} in {FolderPath}")]
    public static partial void EmbeddedBucketOpened(ILogger logger, string bucketName, string folderPath);

    [LoggerMessage(4111, LogLevel.Debug, "Removed {Count} temporary files left by interrupted writes in {FolderPath}")]
    public static partial void StaleTemporaryFilesRemoved(ILogger logger, int count, string folderPath);

    [LoggerMessage(4112, LogLevel.Debug, "Refused presigned {Method} request for {BucketName}: {Reason}")]
    public static partial void PresignedRequestRefused(ILogger logger, string method, string bucketName, string reason);
}
