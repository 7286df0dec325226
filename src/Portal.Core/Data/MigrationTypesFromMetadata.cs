using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Portal.Core.Data;

#pragma warning disable EF1001 // EF's own migrations assembly, with only its type discovery replaced.

/// <summary>
/// Finds a context's migrations as EF does (subclasses of <see cref="Migration"/> whose
/// <see cref="DbContextAttribute"/> names the context, in <see cref="MigrationAttribute"/> id order), but
/// picks the candidates from the assembly's metadata: only types with a <see cref="DbContextAttribute"/>
/// written on them (as on every migration here) are loaded. EF's own lists <c>Assembly.DefinedTypes</c>,
/// which loads every type of every module assembly (pages, views, services) at each start, when the
/// schema stamp lists the migrations; their type data then stays in memory for the process's life.
/// With MVC's controller discovery, which did the same, that was about 3,500 types (bench/README.md).
/// </summary>
internal sealed class MigrationTypesFromMetadata(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    // Per assembly, the types that carry DbContextAttribute; a context has a migrations assembly per
    // instance, and a practice's start-up makes one per module.
    private static readonly ConcurrentDictionary<Assembly, TypeInfo[]> Candidates = new();

    private readonly Type _contextType = currentContext.Context.GetType();
    private readonly IDiagnosticsLogger<DbLoggerCategory.Migrations> _logger = logger;
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotFound;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public override ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotFound)
            {
                var type = CandidatesOf(Assembly).FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)) && IsForThisContext(t));
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                _snapshotFound = true;
            }

            return _snapshot;
        }
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        // The comparer EF's own sorts the ids with (the default one), so the order is EF's.
        var found = new SortedList<string, TypeInfo>(Comparer<string>.Default);
        foreach (var type in CandidatesOf(Assembly).Where(t => t.IsSubclassOf(typeof(Migration)) && IsForThisContext(t)))
        {
            if (type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                found.Add(id, type);
            }
            else
            {
                _logger.MigrationAttributeMissingWarning(type);
            }
        }

        return found;
    }

    private bool IsForThisContext(TypeInfo type) => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType;

    private static TypeInfo[] CandidatesOf(Assembly assembly) => Candidates.GetOrAdd(assembly, static a => ReadCandidates(a));

    private static unsafe TypeInfo[] ReadCandidates(Assembly assembly)
    {
        if (!assembly.TryGetRawMetadata(out var blob, out var length))
        {
            // An assembly without metadata of its own in memory (none here): EF's way, every type.
            return [.. assembly.DefinedTypes.Where(IsConstructible)];
        }

        var reader = new MetadataReader(blob, length);
        var found = new List<TypeInfo>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var definition = reader.GetTypeDefinition(handle);
            if (CarriesContextAttribute(reader, definition)
                && Loadable(assembly, FullName(reader, definition)) is { } type
                && IsConstructible(type.GetTypeInfo()))
            {
                found.Add(type.GetTypeInfo());
            }
        }

        return [.. found];
    }

    /// <summary>The type, or null when it cannot be loaded (EF's own scan skips those too).</summary>
    private static Type? Loadable(Assembly assembly, string fullName)
    {
        try
        {
            return assembly.GetType(fullName, throwOnError: false);
        }
        catch (Exception ex) when (ex is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private static bool IsConstructible(TypeInfo type) => !type.IsAbstract && !type.IsInterface && !type.IsGenericTypeDefinition;

    private static bool CarriesContextAttribute(MetadataReader reader, TypeDefinition definition)
    {
        foreach (var attributeHandle in definition.GetCustomAttributes())
        {
            var constructor = reader.GetCustomAttribute(attributeHandle).Constructor;
            var (name, space) = constructor.Kind switch
            {
                HandleKind.MemberReference => TypeNameOf(reader, reader.GetMemberReference((MemberReferenceHandle)constructor).Parent),
                HandleKind.MethodDefinition => TypeNameOf(reader, reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()),
                _ => (null, null),
            };
            if (name == nameof(DbContextAttribute) && space == typeof(DbContextAttribute).Namespace)
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Name, string? Namespace) TypeNameOf(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                return (reader.GetString(reference.Name), reader.GetString(reference.Namespace));
            case HandleKind.TypeDefinition:
                var definition = reader.GetTypeDefinition((TypeDefinitionHandle)handle);
                return (reader.GetString(definition.Name), reader.GetString(definition.Namespace));
            default:
                return (null, null);
        }
    }

    /// <summary>The name <see cref="Assembly.GetType(string)"/> takes: Namespace.Outer+Inner.</summary>
    private static string FullName(MetadataReader reader, TypeDefinition definition)
    {
        var name = reader.GetString(definition.Name);
        var declaring = definition.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(reader, reader.GetTypeDefinition(declaring)) + "+" + name;
        }

        var space = reader.GetString(definition.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
