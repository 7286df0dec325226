using Spectre.Console.Cli;

namespace PortalSync.Hosting;

/// <summary>Gives every command the <see cref="ClientEnvironment"/> (Spectre.Console.Cli builds commands through this).</summary>
internal sealed class ServiceRegistrar(ClientEnvironment environment) : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, List<Func<object>>> _services = [];

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));

    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

    public void RegisterLazy(Type service, Func<object> factory) => Add(service, factory);

    public ITypeResolver Build() => this;

    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_services.TryGetValue(type, out var factories))
        {
            return factories[^1]();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = type.GetGenericArguments()[0];
            var all = _services.TryGetValue(element, out var registered) ? registered.Select(f => f()).ToArray() : [];
            var typed = Array.CreateInstance(element, all.Length);
            Array.Copy(all, typed, all.Length);
            return typed;
        }

        return type.IsInterface || type.IsAbstract ? null : Create(type);
    }

    private void Add(Type service, Func<object> factory)
    {
        if (!_services.TryGetValue(service, out var factories))
        {
            _services[service] = factories = [];
        }

        factories.Add(factory);
    }

    private object Create(Type type)
    {
        if (type == typeof(ClientEnvironment))
        {
            return environment;
        }

        return type.GetConstructor([typeof(ClientEnvironment)]) is { } constructor
            ? constructor.Invoke([environment])
            : Activator.CreateInstance(type)!;
    }
}
