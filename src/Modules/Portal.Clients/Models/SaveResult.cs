namespace Portal.Clients.Models;

/// <summary>The saved entity, or the problems that stopped it being saved.</summary>
public sealed record SaveResult<T>(T? Value, IReadOnlyList<FieldError> Errors)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}

public static class SaveResult
{
    public static SaveResult<T> Ok<T>(T value)
        where T : class => new(value, []);

    public static SaveResult<T> Failed<T>(params FieldError[] errors)
        where T : class => new(null, errors);

    public static SaveResult<T> Failed<T>(IReadOnlyList<FieldError> errors)
        where T : class => new(null, errors);
}
