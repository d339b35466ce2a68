using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TodoChatbot.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerUserTaskNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "number",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "task_sequences",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_sequences", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_task_sequences_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing tasks keep the number their users already see (the old global id), and each
            // user's sequence continues after their highest, so nobody's "task 7" changes meaning.
            migrationBuilder.Sql("UPDATE tasks SET number = id;");
            migrationBuilder.Sql("""
                INSERT INTO task_sequences (user_id, last_number)
                SELECT user_id, MAX(number) FROM tasks GROUP BY user_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_number",
                table: "tasks",
                columns: new[] { "user_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_sequences");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_number",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "number",
                table: "tasks");
        }
    }
}
