"""Reading a code repository: parameters, environment, core modules and history."""
