namespace Portal.StripeEmulator.Wire;

/// <summary>
/// One node of a form-encoded parameter tree (<c>a[b][0][c]=x</c>). Nodes remember whether a handler
/// read them, so whatever is left unread after a handler has taken its parameters is an unknown parameter.
/// </summary>
internal sealed class FormNode
{
    private readonly Dictionary<string, FormNode> _children = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public FormNode(string path) => Path = path;

    /// <summary>The parameter's name as Stripe reports it in <c>param</c> (<c>line_items[0][quantity]</c>).</summary>
    public string Path { get; }

    public string? Value { get; private set; }

    public bool IsLeaf => Value is not null;

    public bool Read { get; private set; }

    public int Count => _order.Count;

    public IEnumerable<string> Keys => _order;

    public void SetValue(string value)
    {
        if (_order.Count > 0 || Value is not null)
        {
            throw StripeApiException.InvalidRequest($"Invalid or repeated parameter: {Path}.", Path);
        }

        Value = value;
    }

    public FormNode Child(string key)
    {
        if (Value is not null)
        {
            throw StripeApiException.InvalidRequest($"Invalid parameter: {Path} is both a value and a hash.", Path);
        }

        if (!_children.TryGetValue(key, out var child))
        {
            child = new FormNode(Path.Length == 0 ? key : $"{Path}[{key}]");
            _children[key] = child;
            _order.Add(key);
        }

        return child;
    }

    /// <summary>Marks the node (and so none of its children) as taken by the handler.</summary>
    public FormNode MarkRead()
    {
        Read = true;
        return this;
    }

    public FormNode? Get(string key)
    {
        Read = true;
        return _children.TryGetValue(key, out var child) ? child : null;
    }

    /// <summary>The first parameter below this node that no handler read, or null.</summary>
    public string? FirstUnread()
    {
        if (Value is not null)
        {
            return Read ? null : Path;
        }

        foreach (var key in _order)
        {
            var unread = _children[key].FirstUnread();
            if (unread is not null)
            {
                return unread;
            }
        }

        return null;
    }

    /// <summary>Takes this node and everything below it as read (a value kept whole, like metadata).</summary>
    public void MarkAllRead()
    {
        Read = true;
        foreach (var child in _children.Values)
        {
            child.MarkAllRead();
        }
    }

    /// <summary>The children of an array parameter (<c>a[0]</c>, <c>a[1]</c> or <c>a[]</c>), in index order.</summary>
    public IReadOnlyList<FormNode> AsList()
    {
        Read = true;
        if (Value is not null)
        {
            throw StripeApiException.InvalidRequest($"Invalid array: {Path} must be an array.", Path);
        }

        var items = new List<(int Index, FormNode Node)>();
        foreach (var key in _order)
        {
            if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                throw StripeApiException.InvalidRequest($"Invalid array: {Path} must be an array, not a hash.", Path);
            }

            items.Add((index, _children[key]));
        }

        return [.. items.OrderBy(i => i.Index).Select(i => i.Node)];
    }

    /// <summary>Keys of a hash parameter whose children the caller reads one by one.</summary>
    public IReadOnlyList<KeyValuePair<string, FormNode>> AsHashShallow()
    {
        Read = true;
        if (Value is not null)
        {
            throw StripeApiException.InvalidRequest($"Invalid hash: {Path} must be a hash.", Path);
        }

        return [.. _order.Select(k => new KeyValuePair<string, FormNode>(k, _children[k]))];
    }

    /// <summary>Keys of a hash parameter (metadata), marking it read.</summary>
    public IReadOnlyList<KeyValuePair<string, FormNode>> AsHash()
    {
        Read = true;
        if (Value is not null)
        {
            throw StripeApiException.InvalidRequest($"Invalid hash: {Path} must be a hash.", Path);
        }

        MarkAllRead();
        return [.. _order.Select(k => new KeyValuePair<string, FormNode>(k, _children[k]))];
    }
}
