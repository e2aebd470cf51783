using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tumen.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Links : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "link_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeftId = table.Column<Guid>(type: "uuid", nullable: false),
                    RightId = table.Column<Guid>(type: "uuid", nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    Seal = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_links",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<long>(type: "bigint", nullable: false),
                    Seal = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_links", x => x.PersonId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_link_reviews_LeftId_RightId",
                table: "link_reviews",
                columns: new[] { "LeftId", "RightId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_link_reviews_Status",
                table: "link_reviews",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_person_links_ClusterId",
                table: "person_links",
                column: "ClusterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "link_reviews");

            migrationBuilder.DropTable(
                name: "person_links");
        }
    }
}
