using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Projects.Models;

namespace Portal.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_projects";

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectStatus> Statuses => Set<ProjectStatus>();

    public DbSet<ProjectStatusChange> StatusChanges => Set<ProjectStatusChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<ProjectStatus>(s =>
        {
            s.ToTable("ProjectStatuses");
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(ProjectStatus.NameMaxLength).IsRequired();
            s.Ignore(x => x.IsRetired);
            s.HasIndex(x => x.Position);
        });

        modelBuilder.Entity<Project>(p =>
        {
            p.ToTable("Projects");
            p.HasKey(x => x.Id);
            p.Property(x => x.Name).HasMaxLength(Project.NameMaxLength).IsRequired();
            p.Property(x => x.ExternalId).HasMaxLength(Project.ExternalIdMaxLength);
            p.HasOne<ProjectStatus>().WithMany().HasForeignKey(x => x.StatusId).OnDelete(DeleteBehavior.Restrict);

            // The lists: a client's projects, all projects, all projects in a status; newest change first.
            p.HasIndex(x => new { x.ClientId, x.UpdatedAt, x.Id });
            p.HasIndex(x => new { x.UpdatedAt, x.Id });
            p.HasIndex(x => new { x.StatusId, x.UpdatedAt, x.Id });
            p.HasIndex(x => x.ExternalId).IsUnique();
        });

        modelBuilder.Entity<ProjectStatusChange>(c =>
        {
            c.ToTable("ProjectStatusChanges");
            c.HasKey(x => x.Id);
            c.Property(x => x.ByName).HasMaxLength(ProjectStatusChange.ByNameMaxLength).IsRequired();
            c.Property(x => x.FromName).HasMaxLength(ProjectStatus.NameMaxLength);
            c.Property(x => x.ToName).HasMaxLength(ProjectStatus.NameMaxLength).IsRequired();
            c.Property(x => x.Note).HasMaxLength(ProjectStatusChange.NoteMaxLength);
            c.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => new { x.ProjectId, x.At });
        });
    }
}
