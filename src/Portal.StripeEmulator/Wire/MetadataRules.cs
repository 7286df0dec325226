namespace Portal.StripeEmulator.Wire;

/// <summary>Stripe's metadata limits: at most 50 keys, keys up to 40 characters without brackets, values up to 500.</summary>
internal static class MetadataRules
{
    public const int MaxKeys = 50;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;

    public static Dictionary<string, string>? Read(FormNode? parent, string key = "metadata")
    {
        var node = parent?.Get(key);
        if (node is null)
        {
            return null;
        }

        // metadata= (empty) clears it, as on Stripe.
        if (node.IsLeaf)
        {
            node.MarkRead();
            return node.Value!.Length == 0 ? [] : throw StripeApiException.InvalidRequest($"Invalid hash: {node.Path} must be a hash.", node.Path);
        }

        var pairs = node.AsHash();
        if (pairs.Count > MaxKeys)
        {
            throw StripeApiException.InvalidRequest($"Invalid {node.Path}: metadata can have at most {MaxKeys} keys.", node.Path);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!value.IsLeaf)
            {
                throw StripeApiException.InvalidRequest($"Invalid {node.Path}: metadata values must be strings (no brackets in keys).", value.Path);
            }

            if (name.Length == 0 || name.Length > MaxKeyLength)
            {
                throw StripeApiException.InvalidRequest($"Invalid {node.Path}: keys must be 1 to {MaxKeyLength} characters.", value.Path);
            }

            if (name.Contains('[', StringComparison.Ordinal) || name.Contains(']', StringComparison.Ordinal))
            {
                throw StripeApiException.InvalidRequest($"Invalid {node.Path}: keys cannot contain '[' or ']'.", value.Path);
            }

            if (value.Value!.Length > MaxValueLength)
            {
                throw StripeApiException.InvalidRequest($"Invalid {node.Path}: values can be at most {MaxValueLength} characters.", value.Path);
            }

            metadata[name] = value.Value;
        }

        return metadata;
    }
}
