namespace Multiverse.Sdk.Benchmarks.Documents;

/// <summary>
/// The attributes of <see cref="BenchmarkItem"/> as a positional record, whose constructor parameters make reading
/// it go through System.Text.Json as a whole.
/// </summary>
public sealed record BenchmarkRecord(
    string CustomerId,
    string OrderId,
    string Status,
    string Currency,
    string Channel,
    string Street,
    string City,
    string Country,
    string Note,
    string Email,
    int Quantity,
    int Priority,
    long Version,
    long ExpiresAt,
    decimal Total,
    decimal Tax,
    double Weight,
    bool Paid,
    DateTime CreatedAt,
    IReadOnlyList<string> Lines)
{
    public static BenchmarkRecord Create()
    {
        BenchmarkItem item = BenchmarkItem.Create();
        return new BenchmarkRecord(
            item.CustomerId,
            item.OrderId,
            item.Status,
            item.Currency,
            item.Channel,
            item.Street,
            item.City,
            item.Country,
            item.Note,
            item.Email,
            item.Quantity,
            item.Priority,
            item.Version,
            item.ExpiresAt,
            item.Total,
            item.Tax,
            item.Weight,
            item.Paid,
            item.CreatedAt,
            item.Lines);
    }
}
