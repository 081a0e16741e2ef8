# frozen_string_literal: true

control 'services-01' do
  impact 0.7
  title 'Expected services are enabled and running'
  desc 'An instance launched from the image comes up with these services without any help.'

  input('enabled_services').each do |name|
    describe service(name) do
      it { should be_enabled }
      it { should be_running }
    end
  end
end

control 'services-02' do
  impact 0.5
  title 'Time is synchronised'
  desc 'TLS, logs and tokens all depend on a correct clock.'

  describe.one do
    describe service('systemd-timesyncd') do
      it { should be_running }
    end
    describe service('chronyd') do
      it { should be_running }
    end
    describe service('chrony') do
      it { should be_running }
    end
  end
end
