using System.Globalization;

namespace Portal.StripeEmulator.Wire;

/// <summary>Typed reads of a request's parameters, with Stripe's messages for missing and malformed ones.</summary>
internal sealed class Params
{
    public Params(FormNode root) => Root = root;

    public FormNode Root { get; }

    public static string? Text(FormNode? parent, string key)
    {
        var node = parent?.Get(key);
        if (node is null)
        {
            return null;
        }

        if (!node.IsLeaf)
        {
            throw StripeApiException.InvalidRequest($"Invalid string: {node.Path} must be a string.", node.Path);
        }

        node.MarkRead();
        return node.Value;
    }

    public static string RequiredText(FormNode? parent, string key, string path)
    {
        var value = Text(parent, key);
        return string.IsNullOrEmpty(value) ? throw StripeApiException.Missing(path) : value;
    }

    public static long? Integer(FormNode? parent, string key)
    {
        var node = parent?.Get(key);
        if (node is null)
        {
            return null;
        }

        node.MarkRead();
        return long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw StripeApiException.InvalidRequest($"Invalid integer: {node.Value}", node.Path);
    }

    public static bool? Boolean(FormNode? parent, string key)
    {
        var node = parent?.Get(key);
        if (node is null)
        {
            return null;
        }

        node.MarkRead();
        return node.Value switch
        {
            "true" => true,
            "false" => false,
            _ => throw StripeApiException.InvalidRequest($"Invalid boolean: {node.Value}", node.Path),
        };
    }

    public static string? OneOf(FormNode? parent, string key, params string[] allowed)
    {
        var value = Text(parent, key);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            var path = parent!.Get(key)!.Path;
            throw StripeApiException.InvalidRequest($"Invalid {path}: must be one of {string.Join(", ", allowed)}", path);
        }

        return value;
    }

    public static IReadOnlyList<string> Strings(FormNode? parent, string key)
    {
        var node = parent?.Get(key);
        if (node is null)
        {
            return [];
        }

        if (node.IsLeaf)
        {
            node.MarkRead();
            return [node.Value!];
        }

        var list = node.AsList();
        foreach (var item in list)
        {
            if (!item.IsLeaf)
            {
                throw StripeApiException.InvalidRequest($"Invalid string: {item.Path} must be a string.", item.Path);
            }

            item.MarkRead();
        }

        return [.. list.Select(i => i.Value!)];
    }

    /// <summary>Every request may ask to expand fields; the emulator answers with ids (as Stripe does for unexpanded fields).</summary>
    public void IgnoreExpand() => Root.Get("expand")?.MarkAllRead();

    /// <summary>Stripe rejects any parameter the endpoint does not know: call after reading, before changing anything.</summary>
    public void RejectUnknown()
    {
        IgnoreExpand();
        var unread = Root.FirstUnread();
        if (unread is not null)
        {
            throw StripeApiException.Unknown(unread);
        }
    }
}
