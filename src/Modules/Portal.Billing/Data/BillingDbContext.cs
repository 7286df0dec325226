using Microsoft.EntityFrameworkCore;
using Portal.Billing.Models;
using Portal.Core.Data;
using Portal.Core.Events;

namespace Portal.Billing.Data;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__migrations_billing";

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    public DbSet<InvoiceTax> InvoiceTaxes => Set<InvoiceTax>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<PaymentAllocation> Allocations => Set<PaymentAllocation>();

    public DbSet<PaymentLevelGrant> PaymentLevels => Set<PaymentLevelGrant>();

    public DbSet<PayoutAccount> PayoutAccounts => Set<PayoutAccount>();

    public DbSet<CheckoutAttempt> CheckoutAttempts => Set<CheckoutAttempt>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<StripeEvent> StripeEvents => Set<StripeEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => PortalModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapDomainEventOutbox();

        modelBuilder.Entity<Invoice>(i =>
        {
            i.ToTable("Invoices");
            i.HasKey(x => x.Id);
            i.Ignore(x => x.Balance);
            i.Property(x => x.Number).HasMaxLength(Invoice.NumberMaxLength).IsRequired();
            i.Property(x => x.NormalizedNumber).HasMaxLength(Invoice.NumberMaxLength).IsRequired();
            i.Property(x => x.ExternalId).HasMaxLength(Invoice.ExternalIdMaxLength);
            i.Property(x => x.Currency).HasMaxLength(3).IsRequired();
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(12).IsRequired();
            i.Property(x => x.VoidReason).HasMaxLength(500);
            i.HasIndex(x => x.NormalizedNumber).IsUnique();
            i.HasIndex(x => x.ExternalId).IsUnique();
            i.HasIndex(x => new { x.ClientId, x.IssueDate, x.Id });
            i.HasIndex(x => new { x.Status, x.IssueDate, x.Id });
        });

        modelBuilder.Entity<InvoiceLine>(l =>
        {
            l.ToTable("InvoiceLines");
            l.HasKey(x => x.Id);
            l.Property(x => x.Description).HasMaxLength(InvoiceLine.DescriptionMaxLength).IsRequired();
            l.Property(x => x.Quantity).HasPrecision(12, 3);
            l.HasIndex(x => new { x.InvoiceId, x.Position }).IsUnique();
            l.HasOne<Invoice>().WithMany().HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InvoiceTax>(t =>
        {
            t.ToTable("InvoiceTaxes");
            t.HasKey(x => x.Id);
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8).IsRequired();
            t.Property(x => x.RatePercent).HasPrecision(7, 4);
            t.HasIndex(x => new { x.InvoiceId, x.Position }).IsUnique();
            t.HasOne<Invoice>().WithMany().HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Payment>(p =>
        {
            p.ToTable("Payments");
            p.HasKey(x => x.Id);
            p.Property(x => x.Method).HasConversion<string>().HasMaxLength(12).IsRequired();
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
            p.Property(x => x.Reference).HasMaxLength(Payment.ReferenceMaxLength);
            p.Property(x => x.Currency).HasMaxLength(3).IsRequired();
            p.Property(x => x.ProviderKey).HasMaxLength(Payment.ProviderIdMaxLength);
            p.Property(x => x.CheckoutSessionId).HasMaxLength(Payment.ProviderIdMaxLength);
            p.Property(x => x.PaymentIntentId).HasMaxLength(Payment.ProviderIdMaxLength);
            p.Property(x => x.ChargeId).HasMaxLength(Payment.ProviderIdMaxLength);
            p.Property(x => x.InvoiceNumber).HasMaxLength(Invoice.NumberMaxLength);
            p.HasIndex(x => x.ProviderKey).IsUnique();
            p.HasIndex(x => x.PaymentRequestId);
            p.HasIndex(x => new { x.ClientId, x.ReceivedOn, x.Id });
            p.HasIndex(x => new { x.ReceivedOn, x.Id });
        });

        modelBuilder.Entity<PaymentAllocation>(a =>
        {
            a.ToTable("PaymentAllocations");
            a.HasKey(x => x.Id);
            a.HasIndex(x => new { x.PaymentId, x.InvoiceId }).IsUnique();
            a.HasIndex(x => x.InvoiceId);
            a.HasOne<Payment>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Invoice>().WithMany().HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PaymentLevelGrant>(g =>
        {
            g.ToTable("PaymentLevels");
            g.HasKey(x => x.UserId);
            g.Property(x => x.Level).HasConversion<string>().HasMaxLength(8).IsRequired();
        });

        modelBuilder.Entity<PayoutAccount>(a =>
        {
            a.ToTable("PayoutAccounts");
            a.HasKey(x => x.StripeAccountId);
            a.Ignore(x => x.Ready);
            a.Ignore(x => x.Due);
            a.Property(x => x.StripeAccountId).HasMaxLength(PayoutAccount.AccountIdMaxLength);
            a.Property(x => x.CurrentlyDue).HasMaxLength(PayoutAccount.CurrentlyDueMaxLength).IsRequired();
        });

        modelBuilder.Entity<CheckoutAttempt>(a =>
        {
            a.ToTable("CheckoutAttempts");
            a.HasKey(x => x.Id);
            a.Ignore(x => x.Total);
            a.Property(x => x.Currency).HasMaxLength(3).IsRequired();
            a.Property(x => x.SessionId).HasMaxLength(CheckoutAttempt.SessionIdMaxLength);
            a.Property(x => x.Url).HasMaxLength(CheckoutAttempt.UrlMaxLength);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(10).IsRequired();
            a.Property(x => x.PayerEmail).HasMaxLength(CheckoutAttempt.EmailMaxLength);
            a.Property(x => x.Description).HasMaxLength(Payment.ReferenceMaxLength);
            a.Property(x => x.InvoiceNumber).HasMaxLength(Invoice.NumberMaxLength);
            a.Property(x => x.CancelUrl).HasMaxLength(CheckoutAttempt.UrlMaxLength);
            a.HasIndex(x => x.OpenInvoiceId).IsUnique();
            a.HasIndex(x => x.OpenPaymentRequestId).IsUnique();
            a.HasIndex(x => new { x.PaymentRequestId, x.CreatedAt });
            a.HasIndex(x => x.SessionId).IsUnique();
            a.HasIndex(x => new { x.InvoiceId, x.CreatedAt });
            a.HasOne<Invoice>().WithMany().HasForeignKey(x => x.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Refund>(r =>
        {
            r.ToTable("Refunds");
            r.HasKey(x => x.Id);
            r.Property(x => x.StripeRefundId).HasMaxLength(Payment.ProviderIdMaxLength).IsRequired();
            r.Property(x => x.Currency).HasMaxLength(3).IsRequired();
            r.Property(x => x.Reason).HasConversion<string>().HasMaxLength(24);
            r.Property(x => x.Note).HasMaxLength(Refund.NoteMaxLength);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
            r.HasIndex(x => x.StripeRefundId).IsUnique();
            r.HasIndex(x => new { x.PaymentId, x.CreatedAt });
            r.HasOne<Payment>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StripeEvent>(e =>
        {
            e.ToTable("StripeEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(StripeEvent.IdMaxLength);
            e.Property(x => x.Type).HasMaxLength(StripeEvent.TypeMaxLength).IsRequired();
            e.Property(x => x.Account).HasMaxLength(PayoutAccount.AccountIdMaxLength).IsRequired();
            e.Property(x => x.Payload).IsRequired();
            e.Property(x => x.LastError).HasMaxLength(StripeEvent.LastErrorMaxLength);
            e.HasIndex(x => new { x.ProcessedAt, x.ReceivedAt });
        });
    }
}
