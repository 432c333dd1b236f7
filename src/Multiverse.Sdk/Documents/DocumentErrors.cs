namespace Multiverse.Sdk.Documents;

/// <summary>Errors both providers raise with the same wording.</summary>
internal static class DocumentErrors
{
    public static DocumentTableNotFoundException TableNotFound(string tableName, Exception? inner = null)
    {
        string message = $"Table '{tableName}' does not exist. Production tables come from Terraform: check the "
            + "table name configured under Multiverse:Documents:Tables. In development set "
            + "Multiverse:Documents:CreateTables to true or call DocumentStore.CreateTablesAsync().";
        return inner is null
            ? new DocumentTableNotFoundException(message) { TableName = tableName }
            : new DocumentTableNotFoundException(message, inner) { TableName = tableName };
    }
}
