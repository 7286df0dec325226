using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Events;

public static class DomainEventModel
{
    public const string Table = "DomainEvents";

    /// <summary>
    /// Maps the practice's event outbox into a module's DbContext, so that the events it publishes are
    /// inserted by the same SaveChanges, in the same transaction, as its change. The table belongs to
    /// Core's context (which migrates it); a module's context only writes to it.
    /// </summary>
    public static ModelBuilder MapDomainEventOutbox(this ModelBuilder modelBuilder) => Map(modelBuilder, ownsTable: false);

    internal static ModelBuilder Map(ModelBuilder modelBuilder, bool ownsTable)
    {
        modelBuilder.Entity<DomainEventRecord>(record =>
        {
            record.ToTable(Table, table =>
            {
                if (!ownsTable)
                {
                    table.ExcludeFromMigrations();
                }
            });
            record.HasKey(r => r.Id);
            record.Property(r => r.Type).HasMaxLength(100).IsRequired();
            record.Property(r => r.Payload).IsRequired();
            record.Ignore(r => r.Practice);
            record.HasIndex(r => new { r.DispatchedAt, r.OccurredAt });
        });
        return modelBuilder;
    }
}
