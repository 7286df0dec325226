namespace Portal.Clients.Models;

/// <summary>A problem with one field, e.g. ("Email", "'bob@' is not an e-mail address.").</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>The field as people call it, for messages such as "Line 4, E-mail: ...".</summary>
    public string Label => Field switch
    {
        "Email" => "E-mail",
        "ExternalId" => "External ID",
        "DisplayName" => "Name",
        "ExpiresOn" => "Access ends after",
        _ => Field,
    };
}
