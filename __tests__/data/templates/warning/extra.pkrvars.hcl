undeclared_setting = "x"
