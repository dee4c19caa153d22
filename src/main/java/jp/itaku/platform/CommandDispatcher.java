package jp.itaku.platform;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the operator command named by {@code --itaku.command}; its status becomes the
 * process's exit status ({@code ItakuApplication.main} closes the context and exits with
 * it).
 */
@Component
@ConditionalOnProperty("itaku.command")
@Order(Ordered.LOWEST_PRECEDENCE)
class CommandDispatcher implements ApplicationRunner, ExitCodeGenerator {

	private final List<ItakuCommand> commands;

	private final ConfigurableApplicationContext context;

	private final Terminal terminal;

	private int status;

	CommandDispatcher(List<ItakuCommand> commands, ConfigurableApplicationContext context, Terminal terminal) {
		this.commands = commands;
		this.context = context;
		this.terminal = terminal;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String name = this.context.getEnvironment().getRequiredProperty("itaku.command");
		this.status = this.commands.stream()
			.filter((command) -> command.name().equals(name))
			.findFirst()
			.map((command) -> command.run(arguments))
			.orElseGet(() -> {
				this.terminal.line("Unknown command '" + name + "'. Known: "
						+ this.commands.stream().map(ItakuCommand::name).sorted().toList());
				return 2;
			});
	}

	@Override
	public int getExitCode() {
		return this.status;
	}

}
