using Portal.StripeEmulator.Wire;

namespace Portal.StripeEmulator.Api;

/// <summary>The <c>created</c> list filter: an exact unix time or <c>created[gt|gte|lt|lte]</c>.</summary>
internal sealed record CreatedFilter(long? Gt, long? Gte, long? Lt, long? Lte, long? Exactly)
{
    public static CreatedFilter Read(FormNode root)
    {
        var node = root.Get("created");
        if (node is null)
        {
            return new CreatedFilter(null, null, null, null, null);
        }

        if (node.IsLeaf)
        {
            return new CreatedFilter(null, null, null, null, Params.Integer(root, "created"));
        }

        return new CreatedFilter(Params.Integer(node, "gt"), Params.Integer(node, "gte"), Params.Integer(node, "lt"), Params.Integer(node, "lte"), null);
    }

    public bool Matches(DateTimeOffset created)
    {
        var at = created.ToUnixTimeSeconds();
        return (Gt is null || at > Gt) && (Gte is null || at >= Gte) && (Lt is null || at < Lt) && (Lte is null || at <= Lte)
            && (Exactly is null || at == Exactly);
    }
}
