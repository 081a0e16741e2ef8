# frozen_string_literal: true

control 'ports-01' do
  impact 0.7
  title 'Only allowed ports listen on the network'
  desc 'Every TCP port open beyond loopback is one the image means to offer.'

  allowed = input('allowed_ports').map(&:to_i)
  external = port.where { protocol =~ /tcp/ && address !~ /^(127\.|::1$)/ }

  external.ports.uniq.each do |number|
    describe "TCP port #{number}" do
      subject { number }
      it { should be_in allowed }
    end
  end
end
